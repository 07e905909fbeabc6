#!/bin/bash
# Accounts for text2sql, created once by gvenzl/oracle-free (as SYS) from /container-entrypoint-initdb.d.
# T2S_APP     owns the demo tables (stands in for the application schema).
# T2S_SCHEMA  the *schema* connection: reads the data dictionary; READ on the tables so ALL_* views list them.
# T2S_OLTP    the *OLTP* connection: CREATE SESSION and READ on the tables, nothing else (READ, unlike SELECT,
#             cannot lock rows with SELECT ... FOR UPDATE). Grants are in 03_grants.sql, after the tables exist.
set -euo pipefail
sqlplus -s / as sysdba <<SQL
WHENEVER SQLERROR EXIT SQL.SQLCODE
ALTER SESSION SET CONTAINER = FREEPDB1;
CREATE USER T2S_APP IDENTIFIED BY "${T2S_APP_PASSWORD}" QUOTA UNLIMITED ON USERS;
GRANT CREATE SESSION, CREATE TABLE TO T2S_APP;
CREATE USER T2S_SCHEMA IDENTIFIED BY "${T2S_SCHEMA_PASSWORD}";
GRANT CREATE SESSION TO T2S_SCHEMA;
CREATE USER T2S_OLTP IDENTIFIED BY "${T2S_OLTP_PASSWORD}";
GRANT CREATE SESSION TO T2S_OLTP;
SQL
