/** Sortable unique ids with a readable type prefix (`dbt_01J…`). */
export interface IdGenerator {
  next(prefix: string): string;
}
