// The part of snowball-stemmers (no types of its own) that dutch-stem.ts uses.
declare module 'snowball-stemmers' {
  const snowball: { newStemmer(language: string): { stem(word: string): string } }
  export default snowball
}
