"""A site for benchmarks only: the real URLs plus reference endpoints (raw SQL, Django REST framework)."""
