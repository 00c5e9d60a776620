data "aws_region" "current" {}

locals {
  region = data.aws_region.current.region
}

# Dashboards take no tags (PutDashboard has none), so the launchpad:feature tag cannot mark them;
# the portal finds them by their <service>-<environment>- name prefix instead.
resource "aws_cloudwatch_dashboard" "this" {
  for_each = toset(local.kinds)

  dashboard_name = "${var.name_prefix}-${each.key}"
  dashboard_body = local.bodies[each.key]
}
