revision  '1a2b3c4d5e6f'
revises   'f7a1b3c5d9e2'
message   'documents with pgvector embeddings'
created   '2025-11-15T11:00:00Z'

// seed 004: pgvector. Servers without it (the embedded one) skip the table with a notice.
upgrade {
    if (extensionAvailable('vector')) {
        createExtension 'vector', ifNotExists: true
        createTable('documents') {
            column 'id',        'bigint',       primaryKey: true, identity: true
            column 'body',      'text',         nullable: false
            column 'embedding', 'vector(1536)'
        }
        createIndex 'idx_documents_embedding', on: 'documents', expression: 'embedding vector_cosine_ops', using: 'hnsw'
    } else {
        notice 'pgvector is not installed on this server: skipping the documents table (install pgvector to get it)'
    }
}

downgrade {
    dropTable 'documents', ifExists: true
}
