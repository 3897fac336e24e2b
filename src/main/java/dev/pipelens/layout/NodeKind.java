package dev.pipelens.layout;

/** What a node of the own layered layout's layered graph ({@link LayeredGraph}) stands for. */
enum NodeKind {
    /** A visible step box. */
    REAL,
    /** Keeps a group's members contiguous in a column its span crosses without a child there. */
    FILLER,
    /** One column of a long edge, where the edge bends. */
    DUMMY
}
