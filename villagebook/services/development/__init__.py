"""Party member development (发展党员) use cases: cases, steps, board, checks, exchange."""
