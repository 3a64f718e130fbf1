package io.nianbao.validate;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * One memory budget for all of validate-service's RocksDB stores (three per partition): their
 * block caches, index and filter blocks, and write buffers all count against a single shared
 * cache. RocksDB's defaults give each store instance its own 50 MB cache and up to 3 × 16 MB of
 * write buffers, which on 18 instances is far beyond a 300 MB service.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    private static final long TOTAL_BYTES = 24L * 1024 * 1024;
    private static final long WRITE_BUFFER_BYTES = 8L * 1024 * 1024;

    static {
        // Kafka Streams instantiates this class before it opens a store, which loads the library.
        RocksDB.loadLibrary();
    }

    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(WRITE_BUFFER_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        // The table config Kafka Streams set up, not a new one: it keeps Streams' other settings.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(2L * 1024 * 1024);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing of the store's own: the cache and the write buffer manager serve every store.
    }
}
