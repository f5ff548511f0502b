import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export interface RegionProps {
  iso: string;
  name: string;
  country: string;
}

export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProps>;

/** Russian federal subjects east of this longitude are off the map: no strikes reach them in the data. */
const EAST_LIMIT = 60;

/**
 * admin1 TopoJSON → features of Ukraine and western Russia, rewound for d3-geo, which wants clockwise
 * exterior rings (RFC 7946 GeoJSON is the opposite; a wrong winding paints the whole globe).
 */
export function regionsFromTopology(topo: unknown): RegionFeature[] {
  const t = topo as Topology;
  const objectName = t.objects && ("admin1" in t.objects ? "admin1" : Object.keys(t.objects)[0]);
  if (!objectName) return [];
  const fc = feature(t, t.objects[objectName] as GeometryCollection) as FeatureCollection;
  const out: RegionFeature[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) continue;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const iso = String(p.iso ?? f.id ?? "");
    const country = String(p.country ?? iso.slice(0, 2));
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    if (country === "RU" && meanLongitude(polygons) > EAST_LIMIT) continue;
    const rewound = polygons.map(rewindPolygon);
    out.push({
      type: "Feature",
      id: iso,
      properties: { iso, name: String(p.name ?? iso), country },
      geometry: rewound.length === 1 ? { type: "Polygon", coordinates: rewound[0] as Position[][] } : { type: "MultiPolygon", coordinates: rewound },
    });
  }
  return out;
}

function meanLongitude(polygons: Position[][][]): number {
  let sum = 0;
  let n = 0;
  for (const poly of polygons) for (const p of poly[0] ?? []) {
    sum += p[0] ?? 0;
    n++;
  }
  return n ? sum / n : 0;
}

/** Twice the signed planar area; positive means counter-clockwise with x east and y north. */
function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i] as Position;
    const q = ring[j] as Position;
    a += ((q[0] ?? 0) - (p[0] ?? 0)) * ((q[1] ?? 0) + (p[1] ?? 0));
  }
  return a;
}

export function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    // exterior (i = 0) clockwise, holes counter-clockwise
    return (i === 0 ? ccw : !ccw) ? [...ring].reverse() : ring;
  });
}
