"""Insert many plain rows fast, without model instances, on both databases.

Search and match indexes write hundreds of thousands of small rows, where bulk_create spends most of its time
building and compiling objects. PostgreSQL takes the rows by COPY (multi-row INSERTs of this size spend seconds in
the driver's query parsing); SQLite by multi-row INSERTs within its parameter limit.
"""

from django.db import connection


def insert_rows(table: str, columns: list[str], rows) -> None:
    quote = connection.ops.quote_name
    target = f"{quote(table)} ({', '.join(quote(c) for c in columns)})"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        rows = list(rows)
        width = len(columns)
        batch = max(1, min(1000, (connection.features.max_query_params or 2000) // width))
        placeholder = f"({', '.join(['%s'] * width)})"
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            params = [value for row in chunk for value in row]
            # Table and column names come from the model; every value is a parameter.
            cursor.execute(f"INSERT INTO {target} VALUES {', '.join([placeholder] * len(chunk))}", params)  # noqa: S608
