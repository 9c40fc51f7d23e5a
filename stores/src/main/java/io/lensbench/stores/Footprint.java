package io.lensbench.stores;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a collection occupies, as far as its store reports it: bytes on disk and bytes of server
 * memory (each null when the store reports none, with the reason in {@code note}), and the keys
 * under which the store files the collection ({@code storageKeys}: Milvus collection ids, Milvus
 * Lite collection names), so an embedded store that knows its data folder can measure the disk
 * itself ({@code diskSource} then says so).
 *
 * @param diskBytes bytes on disk, or null
 * @param diskSource where {@code diskBytes} comes from, or null
 * @param memoryBytes bytes of server memory the collection holds, or null
 * @param memorySource where {@code memoryBytes} comes from, or null
 * @param storageKeys the store's own keys of the collection (and its companions), may be empty
 * @param note why a value is missing, or null
 */
public record Footprint(Long diskBytes, String diskSource, Long memoryBytes, String memorySource,
    List<String> storageKeys, String note) {

  public Footprint {
    storageKeys = List.copyOf(storageKeys);
  }

  /** Nothing reported. */
  public static Footprint unknown(String note) {
    return new Footprint(null, null, null, null, List.of(), note);
  }

  /** This footprint with its disk size measured elsewhere (an embedded store's data folder). */
  public Footprint withDisk(long bytes, String source) {
    return new Footprint(bytes, source, memoryBytes, memorySource, storageKeys, note);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("diskBytes", diskBytes);
    m.put("diskSource", diskSource);
    m.put("memoryBytes", memoryBytes);
    m.put("memorySource", memorySource);
    m.put("note", note);
    return m;
  }
}
