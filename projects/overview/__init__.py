"""The network's view of the statuses, for member staff: the matrix of members by topics,
a topic's and an OZG service's page ("Wer kann helfen?"), Reifegrade per Themenfeld,
progress over time, and the server-rendered SVG charts they draw."""
