// Placeholder loader; replaced by the embedding work.
export {};
