"""Copies a library out of the service jar (the PostgreSQL JDBC driver by default), so the bench helpers
in bench/java run against the very library the service uses.
Usage: python3 bench/pgdriver.py SERVICE_JAR OUT_JAR [LIBRARY_PREFIX, default postgresql-]"""
import sys
import zipfile

prefix = sys.argv[3] if len(sys.argv) > 3 else "postgresql-"
jar = zipfile.ZipFile(sys.argv[1])
name = next(n for n in jar.namelist() if n.startswith("BOOT-INF/lib/" + prefix) and n.endswith(".jar"))
open(sys.argv[2], "wb").write(jar.read(name))
