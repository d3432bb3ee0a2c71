"""A daily sparkify load, run by Airflow two ways (docs/deploy.md): keep the one that fits your setup.

- ``etl_installed``: a BashOperator on a worker where the release archive is installed. The command
  retries the exit codes worth retrying itself, so Airflow does not retry it.
- ``etl_in_docker``: a DockerOperator with the image that the repository's Dockerfile builds. Airflow
  retries every failure; a data problem (exit 6 or 7) fails again the same way and publishes nothing.

With ``--json``, the last stdout line is the run's summary (or its error) as one JSON line, which both
operators push to XCom.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.providers.docker.operators.docker import DockerOperator
from docker.types import Mount

WAREHOUSE = "jdbc:duckdb:/srv/sparkify/warehouse.duckdb"
SONGS = "/srv/sparkify/data/song_data"
LOGS = "/srv/sparkify/data/log_data"

# Exit codes worth retrying: 5 unreachable, 8 busy, 9 disk full, 12 --wait ran out. The others are data
# or setup problems that a second run would meet again. Nothing is printed after the last attempt, so
# that the last line stays sparkify's JSON.
RETRY_LOOP = """
for attempt in 1 2 3; do
  sparkify etl --json --wait 30m --warehouse {warehouse} --songs {songs} --logs {logs}
  code=$?
  case $code in
    5 | 8 | 9 | 12) [ "$attempt" -lt 3 ] && echo "sparkify: exit $code, retrying in 10 minutes" >&2 && sleep 600 ;;
    *) exit $code ;;
  esac
done
exit $code
"""

with DAG(
    dag_id="sparkify_daily",
    schedule="15 2 * * *",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["sparkify"],
) as dag:
    etl_installed = BashOperator(
        task_id="etl_installed",
        bash_command=RETRY_LOOP.format(warehouse=WAREHOUSE, songs=SONGS, logs=LOGS),
        retries=0,
        execution_timeout=timedelta(hours=2),
    )

    etl_in_docker = DockerOperator(
        task_id="etl_in_docker",
        image="sparkify:0.1.0",
        command=["etl", "--json", "--wait", "30m", "--songs", "/data/song_data", "--logs", "/data/log_data"],
        mounts=[
            Mount(source="/srv/sparkify/data", target="/data", type="bind", read_only=True),
            Mount(source="/srv/sparkify/docker-warehouse", target="/warehouse", type="bind"),
        ],
        mount_tmp_dir=False,
        auto_remove="success",
        retries=2,
        retry_delay=timedelta(minutes=10),
        execution_timeout=timedelta(hours=2),
    )
