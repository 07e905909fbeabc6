-- Least privilege on the demo tables: READ only, for both text2sql accounts.
ALTER SESSION SET CONTAINER = FREEPDB1;
BEGIN
  FOR t IN (SELECT table_name FROM all_tables WHERE owner = 'T2S_APP') LOOP
    EXECUTE IMMEDIATE 'GRANT READ ON T2S_APP.' || t.table_name || ' TO T2S_SCHEMA';
    EXECUTE IMMEDIATE 'GRANT READ ON T2S_APP.' || t.table_name || ' TO T2S_OLTP';
  END LOOP;
END;
/
