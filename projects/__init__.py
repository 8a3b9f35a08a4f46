"""Floor 4, projects: topics and the OZG catalogue, statuses, surveys, exchange files, joint
projects. Imports only meetings, members and common."""
