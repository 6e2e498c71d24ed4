//! AST → checked model.
