SELECT path, change_marker FROM etl_files;
