/** The ingestion pipeline, shared by every adapter: parsing by the vendor's mapping, the batch inbox and ledger, the transports (in memory, Kafka with its dead letters), storing and re-driving batches. */
package io.vidyut.mdm.ingest.pipeline;
