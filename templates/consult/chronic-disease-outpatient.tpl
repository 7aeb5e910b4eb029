id: consult-chronic-disease-outpatient
kind: consult
title: 门诊慢特病申请
domain: medical-insurance
subject: 高血压糖尿病怎么办门诊慢特病
keypoint: 病历 | 诊断证明 | 检查
keypoint: 定点医疗机构 | 医保经办
keypoint: 认定 | 鉴定 | 评审
reference: 高血压、糖尿病属于门诊慢特病病种。请持医保电子凭证或社会保障卡，以及近期的病历、诊断证明、检查检验报告等材料，向参保地有认定资格的定点医疗机构或医保经办机构申请，经认定后享受门诊慢特病待遇，在定点医疗机构门诊就医时按规定直接结算。
valid_from: 2023-01-01
valid_until: 2026-12-31

我有高血压和糖尿病，长期在门诊拿药。听说可以办门诊慢特病，报销比例高一些。请问怎么申请，需要什么材料？
