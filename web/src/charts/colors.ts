import { CLASSES } from "./timeline-data.js";

/**
 * The colour scale of the weapon classes, shared by the timeline and the weapon bars: CSS variables rather than
 * colours, so that the light and the dark scheme each pick their own (styles.css).
 */
export const CLASS_COLOR = { domain: [...CLASSES] as string[], range: CLASSES.map((c) => `var(--c-${c})`) };
