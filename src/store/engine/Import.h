#pragma once
// The catalogue import, shared by Import*.cpp. Records apply one after another (later records see
// what earlier ones wrote), but are written in bulk:
//
// 0. the whole batch is first checked against one read snapshot (check_products: every chunk
//    planned as below, nothing written, no write lock), so a bad record refuses the batch
//    before anything is written;
// 1. categories and manufacturers: a few set-based statements for the whole section, in one
//    transaction;
// 2. products in chunks, one transaction each: a chunk is first *planned* in C++ record by
//    record against the key holders loaded for it (which product holds an external id or SKU,
//    which variant a SKU), so every unknown reference and every key conflict is reported as an
//    ImportError naming its record; then the chunk is *written* with a fixed number of
//    statements whatever its size (each row set one Port::rows_relation).
//
// A unique violation that planning could not foresee (another process wrote the same key in
// the meantime) aborts the chunk's transaction; that chunk is then written one record at a
// time, which names the record. The chunks committed before stay: importing the batch again
// completes it (docs/import.md).
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/ImportError.h"
#include "store/Store.h"
#include "store/engine/Port.h"

namespace store::engine::importing {

// Ids of what the records refer to: categories by external id, manufacturers by name.
struct References {
    std::unordered_map<std::string, Id> categories;
    std::unordered_map<std::string, Id> manufacturers;
};

// Writes the categories and manufacturers sections and creates the manufacturers products
// name; returns the ids of every category and manufacturer the batch refers to.
References write_references(Port& port, Connection& conn, const ImportBatch& batch,
                            ImportSummary& summary);

// The references as write_references will find them, without writing anything: the ids of the
// categories the database has, id 0 for what the batch creates. Throws ImportError for a
// category whose parent is unknown.
References expected_references(Port& port, Connection& conn, const ImportBatch& batch);

// One variant of a planned record.
struct VariantPlan {
    std::optional<Id> existing;  // the variant it updates; nullopt: a new one
    std::string old_sku;         // of the existing variant
    Id id = 0;                   // once written
};

// One product record of a chunk, resolved against the database.
struct ProductPlan {
    std::size_t index = 0;       // in batch.products
    std::optional<Id> existing;  // the product it updates; nullopt: a new one
    std::string old_sku;         // of the existing product
    std::optional<Id> category, manufacturer;
    Id id = 0;  // once written
    std::vector<VariantPlan> variants;
};

struct ChunkPlan {
    std::size_t begin = 0, end = 0;  // records [begin, end) of batch.products
    std::vector<ProductPlan> products;
    std::vector<Id> removed_variants;
};

// save_product's record: the product to write into (nullopt: where import would put it).
// Its key conflicts are reported as save_product reports them, before anything else.
struct SaveTarget {
    std::optional<Id> id;
};

// Plans records from `begin` on, at most `limit` of them. The chunk ends early before a
// record that updates a product an earlier record of the chunk updates (one bulk UPDATE
// changes a row once; the next chunk sees the first record's write). Throws ImportError for
// the first bad record. Counts what the chunk creates, updates and removes into `summary`.
ChunkPlan plan_chunk(Port& port, Connection& conn, const ImportBatch& batch, const References& refs,
                     std::size_t begin, std::size_t limit, const SaveTarget* save,
                     ImportSummary& summary);

// Plans every product record against one snapshot, `chunk` records at a time, writing nothing:
// throws the ImportError the import would meet (a taken key, an unknown category), so that a
// bad batch is refused before its first chunk is written.
void check_products(Port& port, Connection& conn, const ImportBatch& batch, const References& refs,
                    std::size_t chunk);

// Thrown when a chunk of several records met a unique violation that planning did not foresee
// (another process wrote the same key meanwhile): records [begin, end) are then written one at
// a time.
struct ChunkConflict : StoreError {
    ChunkConflict(std::size_t begin, std::size_t end)
        : StoreError("import chunk conflicts with a concurrent write"), begin(begin), end(end) {}
    std::size_t begin, end;
};

// Writes a planned chunk; sets the ids in `plan`. Throws ChunkConflict (several records) or
// ImportError (one record) for a unique violation.
void write_chunk(Port& port, Connection& conn, const ImportBatch& batch, ChunkPlan& plan);

// " IN (the texts bound as ?n)": a set of keys as one parameter (bind it with bind_texts).
std::string in_texts(Port& port, Connection& conn, int n);
void bind_texts(Port& port, Connection& conn, Statement& st, int n,
                const std::vector<std::string>& texts);

// The ordered lists of one owner kind (images: url; features: name and value).
enum class ListKind { ProductImages, ProductFeatures, VariantImages, VariantFeatures };

// The lists of a chunk's owners. A new owner's rows are inserted; an existing owner's stored
// list is read first and rewritten only when it differs, so re-importing an unchanged
// catalogue rewrites no image or feature row. Positions count from 0, as in SQLite.
class ListWriter {
  public:
    explicit ListWriter(ListKind kind) : kind_(kind) {}
    void add(Id owner, bool existing, const std::vector<std::string>& images);
    void add(Id owner, bool existing, const std::vector<Feature>& features);
    void write(Port& port, Connection& conn);

  private:
    // (url, "") or (name, value)
    using Entries = std::vector<std::pair<std::string, std::string>>;
    struct List {
        Id owner;
        bool existing;
        Entries entries;
    };
    std::unordered_map<Id, Entries> stored(Port& port, Connection& conn) const;

    ListKind kind_;
    std::vector<List> lists_;
};

}  // namespace store::engine::importing
