"""Copies the PostgreSQL JDBC driver out of the service jar, so the bench helpers in bench/java run
against the very driver the service uses. Usage: python3 bench/pgdriver.py SERVICE_JAR OUT_JAR"""
import sys
import zipfile

jar = zipfile.ZipFile(sys.argv[1])
name = next(n for n in jar.namelist() if n.startswith("BOOT-INF/lib/postgresql-") and n.endswith(".jar"))
open(sys.argv[2], "wb").write(jar.read(name))
