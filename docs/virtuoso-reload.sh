#!/bin/sh
# Load the publication that `dist` points to NOW into Virtuoso, replacing the previous one, without
# ever leaving the graph empty or half loaded.
#
#   docs/virtuoso-reload.sh DIST IMPORT_DIR GRAPH_IRI
#
#   DIST        the publication (the `dist` link of `opendata publish`; it is resolved at every run,
#               so a republished build is never missed and an old one never pinned)
#   IMPORT_DIR  a folder listed in Virtuoso's DirsAllowed; the script copies graph.nt.gz there
#   GRAPH_IRI   the graph the publication is served from, e.g. https://data.leidseregio.example/publicatie/
#
# Environment: VIRTUOSO_PASSWORD (required), VIRTUOSO_USER (dba), VIRTUOSO_ADDRESS (localhost:1111),
# VIRTUOSO_ISQL (isql-vt, else isql; e.g. "docker exec -i virtuoso isql"), VIRTUOSO_IMPORT_DIR (the
# import folder as the server sees it, e.g. /import in a container; default IMPORT_DIR).
#
# How: the file is copied (so a republish or the pruning of old builds cannot pull it away) and
# named by its sha256, which the build's manifest must list. It is bulk loaded into a staging graph
# named by that digest (GRAPH_IRI + release/ + digest), which is kept private so the anonymous
# SPARQL endpoint does not see it. Only when the loader reports no error and the staging graph holds
# as many triples as the file has lines does one transaction drop the old graph and rename the
# staging graph to GRAPH_IRI. Any failure before that leaves GRAPH_IRI as it was. Exit 0 loaded,
# 1 failed (the served graph unchanged), 2 usage.
set -eu

if [ $# -ne 3 ] || [ -z "${VIRTUOSO_PASSWORD:-}" ]; then
    echo "usage: VIRTUOSO_PASSWORD=... $0 DIST IMPORT_DIR GRAPH_IRI" >&2
    exit 2
fi
dist=$1 import_dir=$2 graph=$3
server_dir=${VIRTUOSO_IMPORT_DIR:-$import_dir}
address=${VIRTUOSO_ADDRESS:-localhost:1111}
user=${VIRTUOSO_USER:-dba}
isql_command=${VIRTUOSO_ISQL:-$(command -v isql-vt || echo isql)}
private_graphs=http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs

fail() { echo "virtuoso-reload: $*" >&2; exit 1; }

# Run SQL (stdin) in isql; print its output; fail on any error (isql itself always exits 0).
sql() {
    output=$($isql_command "$address" "$user" "$VIRTUOSO_PASSWORD" VERBOSE=OFF BANNER=OFF PROMPT=OFF ECHO=OFF 2>&1) \
        || fail "isql failed: $output"
    case $output in *"*** Error"*) fail "Virtuoso: $output" ;; esac
    printf '%s\n' "$output"
}

# 1. Take the current build's graph.nt.gz, check it against the manifest, name it by its digest.
build=$(cd "$dist" && pwd -P) || fail "$dist is not a publication folder"
[ -f "$build/graph.nt.gz" ] && [ -f "$build/manifest.json" ] || fail "$build has no graph.nt.gz or manifest.json"
incoming="$import_dir/incoming-$$.nt.gz"
cp "$build/graph.nt.gz" "$incoming"
digest=$(sha256sum "$incoming" | cut -d' ' -f1)
grep -q "\"sha256\": \"$digest\"" "$build/manifest.json" || { rm -f "$incoming"; fail "graph.nt.gz is not the one in $build/manifest.json"; }
file="release-$(echo "$digest" | cut -c1-16).nt.gz"
mv "$incoming" "$import_dir/$file"
expected=$(gzip -dc "$import_dir/$file" | grep -c '^[<_]' || true)
staging="${graph%/}/release/$(echo "$digest" | cut -c1-16)"
trap 'rm -f "$import_dir/$file"' EXIT

# 2. Bulk load into the private staging graph (emptied first, in case an earlier run was cut short).
sql >/dev/null <<SQL
DB.DBA.RDF_GRAPH_GROUP_CREATE ('$private_graphs', 1);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);
DB.DBA.RDF_GRAPH_GROUP_INS ('$private_graphs', '$staging');
log_enable (3, 1);
DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id ('$staging', 0);
log_enable (1, 1);
DELETE FROM DB.DBA.load_list WHERE ll_file = '$server_dir/$file';
ld_dir ('$server_dir', '$file', '$staging');
rdf_loader_run ();
SQL

# 3. Check the load before touching the served graph.
errors=$(sql <<SQL
SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_file = '$server_dir/$file' AND (ll_state <> 2 OR ll_error IS NOT NULL);
SQL
)
loaded=$(sql <<SQL
SPARQL SELECT COUNT(*) FROM <$staging> WHERE { ?s ?p ?o };
SQL
)
errors=$(echo $errors) loaded=$(echo $loaded)
# Remove the staging graph (its triples are deleted row by row: one transaction of millions of rows
# would go above Virtuoso's TransactionAfterImageLimit too).
drop_staging() {
    sql <<SQL >/dev/null || true
log_enable (3, 1);
DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id ('$staging', 0);
log_enable (1, 1);
DB.DBA.RDF_GRAPH_GROUP_DEL ('$private_graphs', '$staging');
DELETE FROM DB.DBA.load_list WHERE ll_file = '$server_dir/$file';
SQL
}
if [ "$errors" != 0 ] || [ "$loaded" != "$expected" ]; then
    drop_staging
    fail "loading $file failed ($loaded of $expected triples loaded; load errors: $errors); $graph is unchanged"
fi

# 4. Swap in one transaction: the procedure rolls back on any error (Virtuoso does not on its own:
# a failed statement keeps what it did before the error), so it is all of it or nothing.
sql >/dev/null <<SQL
CREATE PROCEDURE DB.DBA.OPENDATA_SWAP_GRAPH (IN staging VARCHAR, IN target VARCHAR)
{
  DECLARE EXIT HANDLER FOR SQLSTATE '*' { ROLLBACK WORK; RESIGNAL; };
  DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id (target, 0);
  UPDATE DB.DBA.RDF_QUAD TABLE OPTION (index RDF_QUAD_GS) SET G = iri_to_id (target) WHERE G = iri_to_id (staging, 0);
};
SQL
# The swap's transaction holds every row it deletes and moves: a large publication needs Virtuoso's
# TransactionAfterImageLimit (virtuoso.ini, [Parameters]) raised, else it is rolled back (SR325).
swapped=$($isql_command "$address" "$user" "$VIRTUOSO_PASSWORD" VERBOSE=OFF BANNER=OFF PROMPT=OFF ECHO=OFF 2>&1 <<SQL
DB.DBA.OPENDATA_SWAP_GRAPH ('$staging', '$graph');
SQL
) || swapped="*** Error: isql failed: $swapped"
case $swapped in
*SR325*)
    drop_staging
    fail "the swap of $loaded triples into <$graph> went above Virtuoso's TransactionAfterImageLimit and was rolled back; $graph is unchanged. Raise TransactionAfterImageLimit in virtuoso.ini ([Parameters]; 2000000000 swapped 4.8 million triples in, docs/sparql.md), restart Virtuoso and run this again" ;;
*"*** Error"*)
    drop_staging
    fail "the swap into <$graph> failed and was rolled back; $graph is unchanged: $swapped" ;;
esac
sql >/dev/null <<SQL
DB.DBA.RDF_GRAPH_GROUP_DEL ('$private_graphs', '$staging');
DELETE FROM DB.DBA.load_list WHERE ll_file = '$server_dir/$file';
checkpoint;
SQL
echo "loaded $loaded triples of $build into <$graph> (release $(echo "$digest" | cut -c1-16))"
