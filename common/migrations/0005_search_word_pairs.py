"""Pairs of neighbouring words in the search vectors, so a phrase search reads only the
entries that contain the phrase's word pairs (see common.search.indexing)."""

from django.db import migrations

FUNCTIONS = """
CREATE OR REPLACE FUNCTION search_word_pairs(vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT first.lexeme || ' ' || second.lexeme)),
                    ''::tsvector)
    FROM (SELECT lexeme, unnest(positions) AS position FROM unnest(vector)) AS first
    JOIN (SELECT lexeme, unnest(positions) AS position FROM unnest(vector)) AS second
      ON second.position = first.position + 1
$$;
CREATE OR REPLACE FUNCTION search_with_word_pairs(vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT vector || search_word_pairs(vector)
$$;
"""
DROP = """
DROP FUNCTION IF EXISTS search_with_word_pairs(tsvector);
DROP FUNCTION IF EXISTS search_word_pairs(tsvector);
"""
# The entries that exist get their pairs from their own vectors (no reindexing needed).
FILL = """
UPDATE kreishaus_searchentry SET
    vector = search_with_word_pairs(vector),
    public_vector = search_with_word_pairs(public_vector)
"""


class Migration(migrations.Migration):

    dependencies = [
        ("common", "0004_heartbeat"),
    ]

    operations = [
        migrations.RunSQL(FUNCTIONS, DROP),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
