/**
 * How far below the Customer tab's own outline a profile is drawn: 0 in the tab (the name an h2,
 * its sections h3 regions), more inside another page's section (the Unify view's preview, under
 * its h3), so the page's outline and landmarks stay its own.
 */
export type HeadingLevelOffset = 0 | 1 | 2;

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** The tag of a heading the Customer tab draws at `level` (2 the name, 3 a section, 4 a day in the history). */
export const headingTag = (level: 2 | 3 | 4, offset: HeadingLevelOffset = 0): HeadingTag =>
  `h${level + offset}` as HeadingTag;

/**
 * A section's element: a region landmark in the Customer tab, a plain labelled group when nested,
 * where ten regions would crowd the landmarks of the page around it.
 */
export const sectionElement = (offset: HeadingLevelOffset = 0) =>
  offset === 0 ? ({ as: 'section' } as const) : ({ as: 'div', role: 'group' } as const);
