"""The base floor: generic parts every app may use. It imports no app of the project."""
