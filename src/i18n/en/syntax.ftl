# Syntax diagnostics (J00xx), in English: what the parser says when a line cannot be read.
