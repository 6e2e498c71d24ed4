# Warnings (J04xx), in English.
