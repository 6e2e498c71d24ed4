# Name, type and meaning diagnostics (J01xx–J03xx), in English.
