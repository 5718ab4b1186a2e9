/**
 * The model file ({@link org.seqcast.store.ModelFile}): one zip of {@code seqcast.json} (the metadata, bound to
 * {@link org.seqcast.store.ModelMetadata} records by Jackson, with the stored config and the provenance) and
 * {@code params.bin} (raw float32, SHA-256 checked); never Java serialization. Entry points: {@code ModelFile.write},
 * {@code ModelFile.read}.
 */
package org.seqcast.store;
