/** The generated files: `{ path (relative to the root), content }`. */
export declare function generateFiles(root?: string): { path: string; content: string }[];
/** The generated files whose committed content differs from what the models give now. */
export declare function staleFiles(root?: string): string[];
