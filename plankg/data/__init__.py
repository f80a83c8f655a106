"""Data shipped with the package: the seed plan document `plankg demo` loads (seed/)."""
