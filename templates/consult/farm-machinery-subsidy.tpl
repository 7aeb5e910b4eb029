id: consult-farm-machinery-subsidy
kind: consult
title: 农机购置补贴申请
domain: agriculture
subject: 买了收割机怎么申请农机补贴
keypoint: 发票
keypoint: 农业农村
keypoint: 核验 | 公示
reference: 购买列入补贴范围的机具（以湖北省农机购置与应用补贴机具补贴额一览表为准）后，可以通过手机App或农机购置与应用补贴辅助管理系统提出补贴申请，也可以到县级农业农村部门办理，需要提供身份证明、购机发票和银行卡（“一卡通”）等。县级农业农村部门对机具进行核验，部分机具需要现场核验、拍照，公示无异议后把补贴资金兑付到购机者账户。
valid_from: 2023-01-01
valid_until: 2026-12-31

今年买了一台履带式收割机，听说能申请农机购置补贴。请问要怎么申请？要准备什么？
