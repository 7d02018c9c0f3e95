"""Party member development (发展党员): the versioned workflow and its rule checks."""
