// Bookmark counts. PDF/A validators require /Count on every outline node that
// has children; pdfkit writes it only for "expanded" nodes, and then as the
// number of children even when grandchildren are visible too. We keep every
// section collapsed, which makes the right values simple: the root counts its
// top-level items (all visible), and a closed item the negative of its
// children (what would show if it were opened).
export interface KitOutline {
  readonly outlineData: Record<string, unknown>;
  readonly children: readonly KitOutline[];
}

export function setOutlineCounts(root: KitOutline): void {
  if (root.children.length > 0) root.outlineData.Count = root.children.length;
  const closeItems = (item: KitOutline) => {
    if (item.children.length > 0) item.outlineData.Count = -item.children.length;
    item.children.forEach(closeItems);
  };
  root.children.forEach(closeItems);
}
