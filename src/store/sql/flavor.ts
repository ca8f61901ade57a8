/** What differs between the two SQL databases, kept small and in one place. */
export interface SqlFlavor {
  name: 'sqlite' | 'postgres'
  timestampType: 'text' | 'timestamptz'
}

export const SQLITE: SqlFlavor = { name: 'sqlite', timestampType: 'text' }
export const POSTGRES: SqlFlavor = { name: 'postgres', timestampType: 'timestamptz' }
