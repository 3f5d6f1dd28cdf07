/**
 * Leaflet and its CSS, in a chunk of their own: only pages that show a map import this
 * module (dynamically, from base-map.tsx), so the idea list's JavaScript does not grow.
 */
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import './map.css'

export default L
