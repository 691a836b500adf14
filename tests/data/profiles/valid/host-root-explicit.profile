# Host root on purpose, without a user namespace: allowed when said.
namespaces = [ "mount", "pid" ];
process = {
  host_user = "root";
};
