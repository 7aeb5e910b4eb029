id: consult-food-business-licence
kind: consult
title: 餐饮店食品经营许可
domain: market-regulation
subject: 开小面馆除了营业执照还要办什么证
keypoint: 食品经营许可
keypoint: 市场监督管理 | 市场监管
keypoint: 健康证明 | 健康证 | 健康检查
reference: 从事餐饮服务应当取得食品经营许可证。向经营场所所在地的市场监督管理部门申请，提交营业执照、经营场所和设备布局及操作流程图、食品安全管理制度等材料，经审查和必要的现场核查后发证。从事接触直接入口食品工作的从业人员应当每年进行健康检查，取得健康证明后方可上岗。
valid_from: 2023-01-01
valid_until: 2026-12-31

准备在城区开一家面馆，二十来个平方，已经办了营业执照。请问还需要办什么许可？员工要办健康证吗？
