"""The topic catalogue the coordination office maintains (topics, their groups and order),
and the OZG catalogue (Themenfelder, Lebenslagen, OZG services) imported from CSV files."""
