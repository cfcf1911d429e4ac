"""The `scomm` commands, one module per stage: thin wrappers that parse options and call the stage."""
