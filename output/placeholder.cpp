// Placeholder until the layers land (issue 4).
