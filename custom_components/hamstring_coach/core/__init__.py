"""Pure domain core: no Home Assistant, no I/O, no clock or zone reads."""
