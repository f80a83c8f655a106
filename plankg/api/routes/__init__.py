"""One router per resource; plankg.api.app includes them all."""
