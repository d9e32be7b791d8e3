"""The distributed engine: extraction spread over Dask workers, output as the serial path's.

    documents (read in order by the driver) → partitions of ``batch`` documents → workers
    (each loads the pipeline once) → results gathered back in partition order

``casus extract --engine dask`` and ``casus ingest --engine dask`` use it; a LocalCluster is
started unless a scheduler address is given (docs/scaling.md).
"""

from casus.engine.cluster import cluster
from casus.engine.run import DocResult, Partition, extract_docs, extract_partitions

__all__ = ["DocResult", "Partition", "cluster", "extract_docs", "extract_partitions"]
