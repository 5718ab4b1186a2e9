/**
 * The model file ({@link org.seqcast.store.ModelFile}): one zip of {@code seqcast.json} (the metadata, bound to
 * {@link org.seqcast.store.ModelMetadata} records by Jackson, with the stored config and the provenance) and
 * {@code params.bin} (raw float32, SHA-256 checked); never Java serialization. Version 3 holds every kind of model: a
 * network with its fitted transform, a global one with its recipe instead, a classical one with no network (an empty
 * {@code params.bin}); versions 1 and 2 still read. Entry points: {@code ModelFile.write},
 * {@code ModelFile.read}.
 */
package org.seqcast.store;
