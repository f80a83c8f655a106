"""Linked data: the mapping between the property graph and RDF (mapping), the streaming and rdflib
export (export), reading an export back (importer), the SPARQL engine (sparql), content negotiation
and resource descriptions (negotiation, describe). Imports ontology, graph and queries only; the API's
routes/rdf.py and the CLI's rdf_commands.py are the thin glue around it."""
