"""Speed benchmarks that need running servers (see make bench)."""
