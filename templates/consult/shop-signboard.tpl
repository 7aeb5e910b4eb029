id: consult-shop-signboard
kind: consult
title: 门头招牌设置手续
domain: urban-management
subject: 店门口装新招牌需要审批吗
keypoint: 城市管理 | 城管
keypoint: 审批 | 备案 | 许可
reference: 在城市建筑物外立面设置门头招牌、户外广告等设施，应当符合当地户外广告和招牌设置规划及技术规范，并按规定向城市管理部门办理设置审批或备案手续，一般需要提供营业执照、身份证、设置位置的照片和效果图等材料。未经批准擅自设置的，城市管理部门可以责令限期拆除。
valid_from: 2023-01-01
valid_until: 2026-12-31

我在城区街边开了一家小超市，想在门头装一块新的招牌灯箱。请问需要办什么手续？找哪个部门？
